"""The CI gate behind ``warmfind check``: planned runs read from flags or configs, verdicts, report formats and the recipe cache."""
