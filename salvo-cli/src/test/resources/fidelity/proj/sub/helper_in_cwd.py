VALUE = "from the invocation directory"
