"""The case file: the read of a whole case across the sub-domains (the case, its decisions and their
life, appeals, documents, tasks), for the case page and the API. It sits above the sub-domains it
reads."""
