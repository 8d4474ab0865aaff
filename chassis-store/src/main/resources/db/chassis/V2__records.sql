-- Small documents kept beside the journals (a server's studies and session records), written whole.
CREATE TABLE chassis_records (
    record_kind VARCHAR(40)  NOT NULL,
    record_id   VARCHAR(200) NOT NULL,
    body        VARCHAR      NOT NULL,
    PRIMARY KEY (record_kind, record_id)
);
