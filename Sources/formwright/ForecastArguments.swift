import ArgumentParser

/// The app folder, the forecast's name, the app and the store: what both forecast commands read.
struct ForecastArguments: ParsableArguments {
    @Argument(help: "An app folder, a folder of app folders, or one app file.")
    var path: String

    @Argument(help: "The forecast's name, as written under 'forecasts:'.")
    var name: String

    @Option(help: "The app the forecast belongs to, when PATH holds several.")
    var app: String?

    @OptionGroup var store: StoreOption
}
