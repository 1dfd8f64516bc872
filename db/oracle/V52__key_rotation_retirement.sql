-- Oracle version of db/ansi/V52: when a data-key rotation's retiring pass may begin.
ALTER TABLE key_rotations ADD (retiring_from TIMESTAMP WITH TIME ZONE);
