-- One table for every journal stream: talk sessions and work runs, each an ordered list of entries.
CREATE TABLE chassis_journal (
    stream_kind VARCHAR(16)  NOT NULL,
    stream_id   VARCHAR(200) NOT NULL,
    seq         BIGINT       NOT NULL,
    entry_type  VARCHAR(100) NOT NULL,
    payload     VARCHAR      NOT NULL,
    at_time     VARCHAR(40)  NOT NULL,
    PRIMARY KEY (stream_kind, stream_id, seq)
);
