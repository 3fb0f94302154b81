-- Reserved for the summaries schema; filled in by that feature's change.
SELECT 1;
