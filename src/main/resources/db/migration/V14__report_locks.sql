-- H2 only uses these: a transaction locks the stripes of the counter rows it is about to upsert, so two first
-- increments of the same new row wait for each other instead of both inserting (H2's MERGE is not atomic).
-- PostgreSQL's "insert … on conflict" needs none; the table is created everywhere to keep one schema.
create table report_lock (id integer primary key);
insert into report_lock (id) values (0), (1), (2), (3), (4), (5), (6), (7), (8), (9), (10), (11), (12), (13), (14),
  (15), (16), (17), (18), (19), (20), (21), (22), (23), (24), (25), (26), (27), (28), (29), (30), (31), (32), (33),
  (34), (35), (36), (37), (38), (39), (40), (41), (42), (43), (44), (45), (46), (47), (48), (49), (50), (51), (52),
  (53), (54), (55), (56), (57), (58), (59), (60), (61), (62), (63);
