-- Reserved for the entities schema; filled in by that feature's change.
SELECT 1;
