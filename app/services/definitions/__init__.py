"""Process definitions: deploy, history, the diagram contract, the deploy check and migration."""
