enum BootstrapTests {}
