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
-- One row per letting (prestatie.inlezen.verhuringenlijst): datum is the start of the contract,
-- else the toewijzing; route one of regulier, urgent, statushouder, bemiddeling, doorstroming,
-- overig (route_bron as written); zoekduur_soort says whether zoekduur_maanden is a zoekduur or
-- an inschrijfduur.
CREATE TABLE IF NOT EXISTS verhuring (
    batch_id INTEGER NOT NULL,
    bron_rij INTEGER NOT NULL,
    corporatie VARCHAR NOT NULL,
    gemeente VARCHAR NOT NULL,
    kern VARCHAR,
    vhe_id VARCHAR,
    adres VARCHAR,
    datum DATE NOT NULL,
    jaar INTEGER NOT NULL,
    huur_cent BIGINT,
    rekenhuur_cent BIGINT,
    route VARCHAR,
    route_bron VARCHAR,
    zoekduur_maanden DOUBLE,
    zoekduur_soort VARCHAR,
    huishouden INTEGER,
    inkomensklasse VARCHAR,
    passend BOOLEAN,
    aantal INTEGER NOT NULL DEFAULT 1
);
-- One row per area and year of a Leefbaarometer download (prestatie.inlezen.leefbaarometer):
-- code the CBS code of the wijk or buurt, niveau wijk | buurt, wijk_code the wijk it lies in,
-- score the lbm score, klasse 1 (zeer onvoldoende) .. 9 (uitstekend); bron_kolom the column.
CREATE TABLE IF NOT EXISTS leefbaarheid (
    batch_id INTEGER NOT NULL,
    bron_rij INTEGER NOT NULL,
    bron_kolom VARCHAR,
    gemeente VARCHAR NOT NULL,
    niveau VARCHAR NOT NULL,
    code VARCHAR NOT NULL,
    naam VARCHAR,
    wijk_code VARCHAR NOT NULL,
    jaar INTEGER NOT NULL,
    score DOUBLE,
    klasse INTEGER
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
-- in the verkoopvijver / with a verkooplabel (prestatie.inlezen.column_names); NULL: not said
ALTER TABLE vhe ADD COLUMN IF NOT EXISTS verkooplabel BOOLEAN;
CREATE OR REPLACE VIEW actieve_batch AS
    SELECT * FROM batch WHERE vervangen_door IS NULL AND ongedaan IS NULL;
-- The year a peildatum reports on: 1 January reports on the year before (as
-- prestatie.referentie.peildatum.verslagjaar; a test keeps the two equal).
CREATE OR REPLACE MACRO verslagjaar(d) AS
    CASE WHEN month(d) = 1 AND day(d) = 1 THEN year(d) - 1 ELSE year(d) END;
-- The official rent limits per year in whole cents, loaded from prestatie/referentie/data/
-- huurgrenzen.csv on every connect (prestatie.opslag.store.sync_reference).
CREATE TABLE IF NOT EXISTS huurgrens (
    jaar INTEGER PRIMARY KEY,
    kwaliteitskortingsgrens BIGINT NOT NULL,
    eerste_aftoppingsgrens BIGINT NOT NULL,
    tweede_aftoppingsgrens BIGINT NOT NULL,
    liberalisatiegrens BIGINT NOT NULL
);
CREATE TABLE IF NOT EXISTS meta (sleutel VARCHAR PRIMARY KEY, waarde VARCHAR NOT NULL);
-- The keys a stock batch reports on (corporatie × gemeente × peildatum), written with the batch:
-- what decides which rows are in force, without reading the rows.
CREATE TABLE IF NOT EXISTS batch_sleutel (
    batch_id INTEGER NOT NULL,
    corporatie VARCHAR NOT NULL,
    gemeente VARCHAR NOT NULL,
    peildatum DATE NOT NULL,
    rijen BIGINT NOT NULL
);
-- The stock counted at import time (prestatie/opslag/telling.sql), per batch and per
-- corporatie × gemeente × peildatum × kern × label × eengezins × levensloopgeschikt: homes, homes
-- with a rent, homes up to (tot = <=) and under (onder = <) each limit in force on the peildatum,
-- for the kale/netto huur (huur_) and for the rekenhuur where the file had one (rek_), and the
-- energy index. grenzen_bekend is false for a peildatum beyond the huurgrenzen table. A page reads
-- these thousands of rows, not the millions of vhe rows; undo and replacement need nothing here,
-- because the same batch keys decide which counts are in force.
CREATE TABLE IF NOT EXISTS vhe_telling (
    batch_id INTEGER NOT NULL,
    corporatie VARCHAR NOT NULL,
    gemeente VARCHAR NOT NULL,
    peildatum DATE NOT NULL,
    kern VARCHAR,
    label VARCHAR NOT NULL,
    eengezins BOOLEAN NOT NULL,
    levensloopgeschikt BOOLEAN NOT NULL,
    grenzen_bekend BOOLEAN NOT NULL,
    aantal DOUBLE NOT NULL,
    rijen BIGINT NOT NULL,
    huur_bekend DOUBLE NOT NULL,
    huur_tot_kwaliteitskortingsgrens DOUBLE NOT NULL,
    huur_onder_kwaliteitskortingsgrens DOUBLE NOT NULL,
    huur_tot_eerste_aftoppingsgrens DOUBLE NOT NULL,
    huur_onder_eerste_aftoppingsgrens DOUBLE NOT NULL,
    huur_tot_tweede_aftoppingsgrens DOUBLE NOT NULL,
    huur_onder_tweede_aftoppingsgrens DOUBLE NOT NULL,
    huur_tot_liberalisatiegrens DOUBLE NOT NULL,
    huur_onder_liberalisatiegrens DOUBLE NOT NULL,
    rek_bekend DOUBLE NOT NULL,
    rek_tot_kwaliteitskortingsgrens DOUBLE NOT NULL,
    rek_onder_kwaliteitskortingsgrens DOUBLE NOT NULL,
    rek_tot_eerste_aftoppingsgrens DOUBLE NOT NULL,
    rek_onder_eerste_aftoppingsgrens DOUBLE NOT NULL,
    rek_tot_tweede_aftoppingsgrens DOUBLE NOT NULL,
    rek_onder_tweede_aftoppingsgrens DOUBLE NOT NULL,
    rek_tot_liberalisatiegrens DOUBLE NOT NULL,
    rek_onder_liberalisatiegrens DOUBLE NOT NULL,
    rekenhuur_rijen BIGINT NOT NULL,
    ei_som DOUBLE NOT NULL,
    ei_aantal DOUBLE NOT NULL
);
-- Which rows count. The key of the stock is corporatie × gemeente × peildatum; of production
-- corporatie × gemeente × jaar. For each key the rows of ONE import count: the newest stock
-- list, or where there is none the newest bezitstabel (a stock list has kern, type and
-- levensloopgeschikt); for production the newest production list that reports on that year,
-- or else the bezitstabel's mutations (a list has verduurzaming and zonnepanelen). Per key, not
-- per file: a newer file for one gemeente or one peildatum replaces exactly that part of an
-- older file that covered more. So no home is counted twice, and none is lost.
CREATE OR REPLACE VIEW berekende_sleutel AS
    SELECT s.corporatie, s.gemeente, s.peildatum,
           arg_max(s.batch_id, s.batch_id + CASE b.soort WHEN 'voorraad' THEN 1e12 ELSE 0 END)
               AS batch_id
    FROM batch_sleutel s JOIN actieve_batch b ON b.id = s.batch_id
    GROUP BY s.corporatie, s.gemeente, s.peildatum;
-- The keys in force, kept as a table: written again by every write that changes which batches
-- are in force (prestatie.opslag.store.refresh_keys, in the write's own transaction), so a read
-- joins the rows with a few hundred keys instead of deciding them again. ``laatste``: the last
-- peildatum of its verslagjaar for that corporatie and gemeente (the stock per verslagjaar).
CREATE TABLE IF NOT EXISTS sleutel_in_kracht (
    corporatie VARCHAR NOT NULL,
    gemeente VARCHAR NOT NULL,
    peildatum DATE NOT NULL,
    batch_id INTEGER NOT NULL,
    jaar INTEGER NOT NULL,
    laatste BOOLEAN NOT NULL
);
CREATE OR REPLACE VIEW actieve_sleutel AS
    SELECT corporatie, gemeente, peildatum, batch_id FROM sleutel_in_kracht;
CREATE OR REPLACE VIEW stand_sleutel AS
    SELECT corporatie, gemeente, peildatum, batch_id, jaar FROM sleutel_in_kracht WHERE laatste;
CREATE OR REPLACE VIEW actieve_vhe AS
    SELECT v.*, v.huur_cent / 100.0 AS huur, b.bestand, b.soort AS bron_soort
    FROM vhe v
    JOIN actieve_sleutel k USING (batch_id, corporatie, gemeente, peildatum)
    JOIN batch b ON b.id = v.batch_id;
CREATE OR REPLACE VIEW actieve_telling AS
    SELECT t.*, verslagjaar(t.peildatum) AS jaar
    FROM vhe_telling t JOIN actieve_sleutel k USING (batch_id, corporatie, gemeente, peildatum);
CREATE OR REPLACE VIEW stand_telling AS
    SELECT t.*, k.jaar FROM vhe_telling t
    JOIN stand_sleutel k USING (batch_id, corporatie, gemeente, peildatum);
-- The vhe rows of the stock per verslagjaar (drill-down, transitions, a document's own amount).
CREATE OR REPLACE VIEW stand_vhe AS
    SELECT v.*, v.huur_cent / 100.0 AS huur, b.bestand, b.soort AS bron_soort, k.jaar
    FROM vhe v
    JOIN stand_sleutel k USING (batch_id, corporatie, gemeente, peildatum)
    JOIN batch b ON b.id = v.batch_id;
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
-- Lettings as production: per corporatie × gemeente × jaar the rows of the newest lettings list
-- that reports on that year (its years run from its first letting to its last) count.
CREATE OR REPLACE VIEW verhuur_lijst AS
    SELECT DISTINCT b.id, v.corporatie, v.gemeente, b.jaar_van, b.jaar_tot
    FROM actieve_batch b JOIN verhuring v ON v.batch_id = b.id
    WHERE b.soort = 'verhuur';
CREATE OR REPLACE VIEW actieve_verhuring AS
    SELECT v.*, b.bestand
    FROM verhuring v JOIN actieve_batch b ON b.id = v.batch_id
    WHERE NOT EXISTS (
        SELECT 1 FROM verhuur_lijst l
        WHERE l.corporatie = v.corporatie AND l.gemeente = v.gemeente
          AND v.jaar BETWEEN l.jaar_van AND l.jaar_tot AND l.id > v.batch_id);
-- Liveability scores: per area (its CBS code, which holds the gemeente) × jaar the row of the
-- newest Leefbaarometer import in force that has that area and year counts.
CREATE OR REPLACE VIEW actieve_leefbaarheid AS
    SELECT l.*, b.bestand
    FROM leefbaarheid l JOIN actieve_batch b ON b.id = l.batch_id
    WHERE NOT EXISTS (
        SELECT 1 FROM leefbaarheid n JOIN actieve_batch nb ON nb.id = n.batch_id
        WHERE n.code = l.code AND n.jaar = l.jaar AND n.batch_id > l.batch_id);
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
-- Who did which write and when (prestatie.opslag.logboek, written by prestatie.dashboard after
-- every write, and for every refused one): append-only. gebruiker is the e-mail address of the
-- logged-in user, or the name typed in local mode (no login configured).
CREATE SEQUENCE IF NOT EXISTS logboek_seq START 1;
CREATE TABLE IF NOT EXISTS logboek (
    id INTEGER PRIMARY KEY DEFAULT nextval('logboek_seq'),
    tijd TIMESTAMP NOT NULL,
    gebruiker VARCHAR NOT NULL,
    rol VARCHAR NOT NULL,
    handeling VARCHAR NOT NULL,
    corporatie VARCHAR,
    gemeente VARCHAR,
    omschrijving VARCHAR NOT NULL,
    geweigerd BOOLEAN NOT NULL DEFAULT false
);
-- Every version of the roles a beheerder saved (TOML as prestatie.toegang.rollen reads it); the
-- highest versie is in force, without any data/rollen.toml is.
CREATE TABLE IF NOT EXISTS rollen_versie (
    versie INTEGER NOT NULL,
    inhoud VARCHAR NOT NULL,
    door VARCHAR NOT NULL,
    opgeslagen TIMESTAMP NOT NULL
);
