-- Throttles that hold under concurrency and across nodes (issue 14).

-- Fixed-window counters (public tracking guesses, invalid payment callbacks): one row per key, incremented with a
-- conditional update, so a request takes its slot atomically before it is evaluated. Replaces tracking_failure
-- (one row per failure, checked and then inserted: parallel guesses all passed the check).
drop table tracking_failure;
create table rate_counter (
  counter_key  varchar(200) primary key,
  window_start timestamp    not null,
  hits         integer      not null
);
create index ix_rate_counter_window on rate_counter (window_start);

-- Sign-in back-off per account, per client address and per (account, address): failures and until when further
-- attempts are refused. Read by primary key at each sign-in.
create table sign_in_throttle (
  throttle_key    varchar(200) primary key,
  failures        integer      not null,
  last_failure_at timestamp    not null,
  blocked_until   timestamp
);
create index ix_sign_in_throttle_last on sign_in_throttle (last_failure_at);
