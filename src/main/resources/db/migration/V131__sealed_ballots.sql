-- Sealed ballots (issue 15, point 3; docs/ballot-secrecy.md). A member's ballot is written in the same
-- transaction as their task completion and receipt, so whoever holds the database files, the binlog or a backup
-- can tell which rows are whose (H2 chunk write times, binlog transactions). From now on those rows hold only
-- exponential-ElGamal ciphertexts; the private key is kept outside the database and destroyed after the tally.

-- Each vote's public key. The private key is in <key-dir>/<key_id>.key, never here.
create table ballot_key (
    campaign_id bigint not null primary key,
    key_id varchar(36) not null,
    public_key varbinary(33) not null,
    tallied boolean not null
) ${table_options};

-- One row per ballot and finalist: the encrypted 0/1 and its proof of being 0 or 1. No voter, no time.
create table sealed_ballot (
    id bigint not null primary key,
    campaign_id bigint not null,
    nomination_id bigint not null,
    ciphertext varbinary(66) not null,
    validity_proof varbinary(128) not null
) ${table_options};

create index ix_sealed_ballot_nomination on sealed_ballot (campaign_id, nomination_id);

-- Per finalist: the sum of the ciphertexts, the decrypted total and the proof that it is the sum's decryption.
create table ballot_tally (
    campaign_id bigint not null,
    nomination_id bigint not null,
    ballots int not null,
    ciphertext_sum varbinary(66) not null,
    approvals int not null,
    decryption_proof varbinary(64) not null,
    primary key (campaign_id, nomination_id)
) ${table_options};

-- Plain ballots of votes already counted are no longer needed: their totals are in award_result. (Votes still
-- open keep theirs until their tally, which counts and deletes them.)
delete from ballot where campaign_id in (select campaign_id from award_result);
