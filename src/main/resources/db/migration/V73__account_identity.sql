-- Sign-in with OpenID Connect (issue 19): which subject of which provider an account belongs to. Citizens are linked
-- by their identity number at their first sign-in (to a local password account with that number when there is one),
-- officers by their subject; from then on only that subject of that provider signs in to the account.
create table account_identity (
  provider   varchar(64)  not null,
  subject    varchar(255) not null,
  username   varchar(100) not null references app_user (username),
  linked_at  timestamp    not null,
  primary key (provider, subject)
);
-- One subject per provider and account: another subject claiming the same identity number is refused.
create unique index account_identity_account on account_identity (provider, username);
