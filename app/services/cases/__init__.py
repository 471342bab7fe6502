"""Cases: opening a case, the application input, the person register, the case file and interview
records."""
