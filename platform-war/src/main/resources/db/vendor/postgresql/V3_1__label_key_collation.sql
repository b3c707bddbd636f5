-- PostgreSQL only: the label search key compares byte by byte (collation "C"), whatever the
-- database's collation. Then "label_key LIKE 'row 7%'" is answered by the label index, and the
-- index also gives the order the code list sorts label matches in. (Under a language collation
-- such as en_US.UTF-8, PostgreSQL can use a btree index for LIKE prefixes only with C ordering.)
DROP INDEX access_code_label;
ALTER TABLE access_code ALTER COLUMN label_key TYPE VARCHAR(200) COLLATE "C";
CREATE INDEX access_code_label ON access_code (label_key, created_at DESC, id DESC);
