-- The team-keys store. Money is whole cents; prices are cents per million tokens.
create table if not exists members (
  id         text primary key,
  name       text not null,
  role       text not null default 'member'
);

create table if not exists projects (
  id         text primary key,
  name       text not null
);

create table if not exists models (
  id                      text primary key,
  input_cents_per_mtok    integer not null check (input_cents_per_mtok >= 0),
  output_cents_per_mtok   integer not null check (output_cents_per_mtok >= 0)
);

create table if not exists keys (
  id                   text primary key,
  member_id            text not null references members(id),
  label                text not null,
  created_at           timestamptz not null,
  expires_at           timestamptz,
  revoked_at           timestamptz,
  revoked_by           text references members(id),
  monthly_quota_cents  integer not null check (monthly_quota_cents >= 0)
);

-- model_id is deliberately not a foreign key: providers ship models before finance prices them
create table if not exists usage (
  id             serial primary key,
  key_id         text not null references keys(id),
  project_id     text not null references projects(id),
  model_id       text not null,
  input_tokens   integer not null check (input_tokens >= 0),
  output_tokens  integer not null check (output_tokens >= 0),
  at             timestamptz not null
);

create index if not exists usage_at on usage (at);
