With taint input every byte read by comma is labelled stdin: echoing it is refused
,.
