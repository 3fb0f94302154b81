-- Reserved for the highlights schema; filled in by that feature's change.
SELECT 1;
