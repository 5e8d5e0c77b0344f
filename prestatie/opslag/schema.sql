-- The database (prestatie.store runs this on every connect). Every statement is idempotent
-- (IF NOT EXISTS, OR REPLACE), so it creates a new database and brings an older one up to date.
CREATE SEQUENCE IF NOT EXISTS batch_seq START 1;
CREATE TABLE IF NOT EXISTS batch (
    id INTEGER PRIMARY KEY DEFAULT nextval('batch_seq'),
    bestand VARCHAR NOT NULL,
    sha256 VARCHAR NOT NULL,
    soort VARCHAR NOT NULL,
    corporatie VARCHAR,
    gemeente VARCHAR,
    peildatum DATE,
    jaar_van INTEGER,
    jaar_tot INTEGER,
    rijen INTEGER NOT NULL,
    waarschuwingen INTEGER NOT NULL DEFAULT 0,
    huur_kolom VARCHAR,  -- the column the rent was read from, as the upload page showed it
    demo BOOLEAN NOT NULL DEFAULT false,
    gebruiker VARCHAR,
    ingelezen TIMESTAMP NOT NULL,
    vervangen_door INTEGER,
    ongedaan TIMESTAMP
);
CREATE TABLE IF NOT EXISTS vhe (
    batch_id INTEGER NOT NULL,
    bron_rij INTEGER NOT NULL,
    corporatie VARCHAR NOT NULL,
    gemeente VARCHAR NOT NULL,
    peildatum DATE NOT NULL,
    vhe_id VARCHAR NOT NULL,
    adres VARCHAR,
    postcode VARCHAR,
    kern VARCHAR,
    huur_cent BIGINT,
    rekenhuur_cent BIGINT,  -- a second rent where the file had one (see kolommen.REKENHUUR)
    label VARCHAR NOT NULL,
    label_bron VARCHAR,
    energie_index DOUBLE,
    woningtype VARCHAR,
    levensloopgeschikt BOOLEAN,
    bouwjaar INTEGER,
    aantal DOUBLE NOT NULL DEFAULT 1
);
CREATE TABLE IF NOT EXISTS productie (
    batch_id INTEGER NOT NULL,
    bron_rij INTEGER NOT NULL,
    corporatie VARCHAR NOT NULL,
    gemeente VARCHAR NOT NULL,
    kern VARCHAR,
    project VARCHAR,
    soort VARCHAR NOT NULL,
    jaar INTEGER NOT NULL,
    datum DATE,
    aantal INTEGER NOT NULL,
    vhe_id VARCHAR
);
CREATE TABLE IF NOT EXISTS afspraken_document (
    id VARCHAR PRIMARY KEY,
    inhoud VARCHAR NOT NULL,  -- the agreement file's TOML text
    geladen TIMESTAMP NOT NULL
);
-- Corporations a user added (a new or merged one, or a spelling of a known one), one row per
-- spelling with the name itself among them; prestatie.referentie.partijen knows them on open.
CREATE TABLE IF NOT EXISTS corporatie_toegevoegd (
    corporatie VARCHAR NOT NULL,
    alias VARCHAR NOT NULL,
    toegevoegd TIMESTAMP NOT NULL,
    door VARCHAR
);
-- Databases made by an earlier version get the columns added since.
ALTER TABLE vhe ADD COLUMN IF NOT EXISTS rekenhuur_cent BIGINT;
ALTER TABLE batch ADD COLUMN IF NOT EXISTS huur_kolom VARCHAR;
CREATE OR REPLACE VIEW actieve_batch AS
    SELECT * FROM batch WHERE vervangen_door IS NULL AND ongedaan IS NULL;
-- Which rows count. The key of the stock is corporatie × gemeente × peildatum; of production
-- corporatie × gemeente × jaar. For each key the rows of ONE import count: the newest stock
-- list, or where there is none the newest bezitstabel (a stock list has kern, type and
-- levensloopgeschikt); for production the newest production list that reports on that year,
-- or else the bezitstabel's mutations (a list has verduurzaming and zonnepanelen). Per key, not
-- per file: a newer file for one gemeente or one peildatum replaces exactly that part of an
-- older file that covered more. So no home is counted twice, and none is lost.
CREATE OR REPLACE VIEW actieve_vhe AS
    WITH rows AS (
        SELECT v.*, v.huur_cent / 100.0 AS huur, b.bestand, b.soort AS bron_soort
        FROM vhe v JOIN actieve_batch b ON b.id = v.batch_id
    ), winner AS (
        SELECT corporatie, gemeente, peildatum,
               arg_max(batch_id, batch_id + CASE bron_soort WHEN 'voorraad' THEN 1e12 ELSE 0 END)
                   AS batch_id
        FROM (SELECT DISTINCT corporatie, gemeente, peildatum, batch_id, bron_soort FROM rows)
        GROUP BY corporatie, gemeente, peildatum
    )
    SELECT rows.* FROM rows JOIN winner USING (corporatie, gemeente, peildatum, batch_id);
CREATE OR REPLACE VIEW productie_lijst AS
    SELECT DISTINCT b.id, b.corporatie, p.gemeente, b.jaar_van, b.jaar_tot
    FROM actieve_batch b JOIN productie p ON p.batch_id = b.id
    WHERE b.soort = 'productie';
CREATE OR REPLACE VIEW actieve_productie AS
    SELECT p.*, b.bestand, b.soort AS bron_soort
    FROM productie p JOIN actieve_batch b ON b.id = p.batch_id
    WHERE NOT EXISTS (
        SELECT 1 FROM productie_lijst l
        WHERE l.corporatie = p.corporatie AND l.gemeente = p.gemeente
          AND p.jaar BETWEEN l.jaar_van AND l.jaar_tot AND l.id <> p.batch_id
          AND (b.soort = 'woz' OR l.id > p.batch_id));
-- Progress per agreement per year as people set it (prestatie.store_register): append-only,
-- the entry with the highest id counts.
CREATE SEQUENCE IF NOT EXISTS afspraak_status_seq START 1;
CREATE TABLE IF NOT EXISTS afspraak_status (
    id INTEGER PRIMARY KEY DEFAULT nextval('afspraak_status_seq'),
    document VARCHAR NOT NULL,
    nummer VARCHAR NOT NULL,
    jaar INTEGER NOT NULL,
    status VARCHAR NOT NULL,
    notitie VARCHAR NOT NULL DEFAULT '',
    door VARCHAR,
    gezet TIMESTAMP NOT NULL
);
-- Every version of an agreement document put in force (prestatie.store_register); undo marks
-- the latest as ongedaan and puts the one before back into afspraken_document.
CREATE TABLE IF NOT EXISTS afspraken_versie (
    document VARCHAR NOT NULL,
    versie INTEGER NOT NULL,
    inhoud VARCHAR NOT NULL,
    bron VARCHAR NOT NULL,
    door VARCHAR,
    opgeslagen TIMESTAMP NOT NULL,
    ongedaan TIMESTAMP
);
