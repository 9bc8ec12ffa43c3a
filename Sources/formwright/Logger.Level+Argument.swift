public import ArgumentParser
public import Logging

/// `--log-level` takes a level by its name: `trace`, `debug`, `info`, `notice`, `warning`, `error`, `critical`.
extension Logger.Level: @retroactive ExpressibleByArgument {}
