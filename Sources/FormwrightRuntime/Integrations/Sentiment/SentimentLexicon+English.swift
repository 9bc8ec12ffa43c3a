// English entries. Weights run from about ±0.5 (mild) to ±3.2 (strongest), in the manner of
// the VADER lexicon; words customers use about products, prices and service come first.
extension SentimentLexicon {
    static let englishTerms = """
        good 1.9, great 3.1, excellent 3.2, amazing 3.1, awesome 3.1, fantastic 3.2, wonderful 3.1, perfect 3.0
        superb 3.1, outstanding 3.1, brilliant 2.8, incredible 2.9, exceptional 3.0, flawless 3.0, terrific 3.0
        love 3.0, loved 3.0, loves 2.9, loving 2.6, lovely 2.8, like 1.5, liked 1.6, likes 1.5, enjoy 2.2
        enjoyed 2.3, enjoying 2.2, happy 2.7, happier 2.4, glad 2.0, pleased 2.2, satisfied 2.2, delighted 3.0
        thrilled 3.0, excited 2.3, exciting 2.4, thanks 1.9, thank 1.5, thankful 2.1, grateful 2.4, appreciate 2.0
        appreciated 2.1, helpful 2.0, useful 1.9, recommend 2.0, recommended 1.9, nice 1.8, nicely 1.7, fine 0.8
        ok 0.6, okay 0.6, best 3.0, better 1.8, impressive 2.5, impressed 2.4, easy 1.6, easier 1.6, simple 1.0
        fast 1.4, faster 1.5, quick 1.4, quickly 1.2, smooth 1.6, smoothly 1.6, reliable 2.0, stable 1.4
        friendly 2.0, professional 1.7, responsive 1.6, efficient 1.8, effective 1.9, valuable 2.0, worth 1.4
        worthwhile 1.8, affordable 1.6, fair 1.1, reasonable 1.2, cool 1.4, pleasure 2.3, pleasant 2.2
        pleasantly 2.0, comfortable 1.6, convenient 1.7, solved 1.6, resolved 1.6, fixed 1.0, success 2.2
        successful 2.3, win 2.2, won 2.0, benefit 1.6, benefits 1.6, improve 1.4, improved 1.8, improvement 1.6
        interested 1.3, interesting 1.5, trust 1.9, trusted 2.0, confident 2.0, supportive 1.8, polite 1.7
        patient 1.4, clear 1.0, accurate 1.6, seamless 2.2, renew 1.5, renewed 1.5, renewal 1.2, upgrade 1.3
        upgraded 1.4, agree 1.4, agreed 1.4, approve 1.6, approved 1.7, promising 2.0, positive 2.0, wow 2.0
        welcome 1.7, loyal 2.0, favorite 2.3, favourite 2.3, beautiful 2.8, superior 2.2, secure 1.2, safe 1.2
        cheerful 2.3, joy 2.8, fabulous 3.0, marvelous 3.0, neat 1.5, handy 1.6, intuitive 1.9, powerful 1.8
        robust 1.7, solid 1.5, perfectly 2.6, gladly 1.8, kudos 2.4, bravo 2.6, congratulations 2.5, congrats 2.4
        wonderfully 2.9, prompt 1.5, timely 1.5, generous 2.2, honest 1.8, transparent 1.4, knowledgeable 1.9
        attentive 1.9, courteous 1.9, caring 2.0, reassured 1.7, relieved 1.6, saved 1.4, savings 1.3
        discount 0.8, bonus 1.5, growth 1.2, profitable 2.0, praise 2.3, praised 2.3, helped 1.6, helps 1.5
        works 1.0, worked 1.0, fun 2.1, smart 1.7, clean 1.2, fresh 1.2, glowing 2.2, remarkable 2.6
        bad -2.5, terrible -3.2, awful -3.1, horrible -3.2, poor -2.1, poorly -2.0, worse -2.6, worst -3.1
        hate -3.0, hated -3.0, hates -2.9, dislike -2.0, disliked -2.0, disappointed -2.6, disappointing -2.5
        disappointment -2.6, angry -2.7, annoyed -2.1, annoying -2.2, frustrated -2.4, frustrating -2.4
        frustration -2.3, upset -2.3, unhappy -2.5, sad -2.1, cancel -1.8, cancelled -1.8, canceled -1.8
        cancelling -1.8, canceling -1.8, cancellation -1.7, refund -1.5, refunds -1.5, refunded -1.3
        broken -2.2, broke -1.6, slow -1.7, slower -1.7, slowly -1.2, expensive -1.6, overpriced -2.2
        pricey -1.3, costly -1.4, problem -1.6, problems -1.7, issue -1.3, issues -1.4, bug -1.6, bugs -1.7
        buggy -2.1, error -1.5, errors -1.6, fail -2.2, failed -2.2, fails -2.1, failing -2.1, failure -2.4
        crash -2.3, crashes -2.3, crashed -2.3, complaint -2.0, complaints -2.0, complain -1.9, complained -1.9
        useless -2.6, waste -2.3, wasted -2.3, difficult -1.5, confusing -1.8, confused -1.5, complicated -1.5
        delay -1.5, delayed -1.6, delays -1.6, late -1.2, wrong -2.0, missing -1.4, lost -1.6, unreliable -2.3
        unstable -2.0, rude -2.8, unprofessional -2.5, unacceptable -2.9, ridiculous -2.5, sucks -2.7
        leaving -1.0, churn -1.8, switching -1.0, competitor -0.6, terminate -1.9, termination -1.8
        lawsuit -2.5, scam -3.0, fraud -3.0, worried -1.8, worry -1.6, concern -1.2, concerned -1.5
        concerns -1.3, risk -1.0, risky -1.5, doubt -1.3, doubts -1.3, unclear -1.2, outage -2.3
        downtime -2.0, sorry -1.0, regret -2.0, damaged -2.2, defective -2.5, mess -2.0, messy -1.7
        nightmare -3.0, painful -2.2, pain -2.0, dissatisfied -2.6, unsatisfied -2.4, inconvenient -1.6
        lacking -1.4, lacks -1.4, weak -1.4, impossible -1.8, stuck -1.6, ignored -2.0, unresponsive -2.2
        furious -3.1, disgusting -3.1, pathetic -2.8, garbage -2.8, junk -2.4, overcharged -2.4, tired -1.2
        boring -1.7, bored -1.4, stupid -2.4, dumb -2.0, lag -1.4, laggy -1.8, freeze -1.5, freezes -1.7
        frozen -1.4, hassle -1.8, mistake -1.7, mistakes -1.8, fault -1.6, faulty -2.2, flaw -1.6, flawed -1.9
        horrendous -3.2, dreadful -3.0, lousy -2.6, mediocre -1.5, inferior -2.0, unfair -2.1, misleading -2.3
        lied -2.6, lies -2.5, cheated -2.9, threat -2.0, threaten -2.1, escalate -1.5, escalated -1.6
        hurt -2.0, fear -2.0, afraid -1.9, annoyance -2.0, irritated -2.1, awkward -1.3, ugly -2.3, unusable -2.7
        """

    static let englishNegators = """
        not no never nor neither without hardly barely nobody nothing
        don't dont doesn't doesnt didn't didnt isn't isnt wasn't wasnt aren't arent weren't werent
        won't wont wouldn't wouldnt can't cant cannot couldn't couldnt shouldn't shouldnt
        haven't havent hasn't hasnt hadn't hadnt ain't
        """

    static let englishIntensifiers = """
        very 1.3, really 1.3, extremely 1.6, so 1.2, super 1.4, incredibly 1.5, absolutely 1.5, totally 1.4
        completely 1.4, highly 1.4, truly 1.3, quite 1.1, too 1.2, especially 1.2, particularly 1.2
        deeply 1.4, utterly 1.5, exceptionally 1.5, remarkably 1.4, seriously 1.3, terribly 1.5, hugely 1.4
        slightly 0.6, somewhat 0.7, little 0.7, bit 0.7, fairly 0.9, rather 0.9, mostly 0.8, kinda 0.7
        """

    static let englishContrasts = "but however"
}
