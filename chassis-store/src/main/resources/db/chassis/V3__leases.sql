-- Which server node answers a session now: one row per session while a node holds it, taken over once expired.
-- expires_at is epoch milliseconds on the holder's clock (nodes keep their clocks in step, as with NTP).
CREATE TABLE chassis_lease (
    lease_id   VARCHAR(200) NOT NULL PRIMARY KEY,
    owner      VARCHAR(100) NOT NULL,
    expires_at BIGINT       NOT NULL
);
CREATE INDEX chassis_lease_owner ON chassis_lease (owner);
