-- A masked ID number shows only its last two characters (IdNumber.mask): beside the birth date and
-- gender that answers show, the former mask (first four and last four) left about two candidates.
update membership.member set id_masked = repeat('*', 16) || right(id_masked, 2) where id_masked !~ '^\*{16}';
