FormwrightCommand.main()
