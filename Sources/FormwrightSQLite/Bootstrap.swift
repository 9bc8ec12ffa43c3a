import GRDB
enum Bootstrap {}
