-- The stock counted per batch (table vhe_telling in schema.sql) from the vhe rows of {bron}: at
-- import time from the rows being written, and when the huurgrenzen table changes from table vhe.
-- A rent counts "tot" a limit when it is at most the limit, "onder" it when strictly below, both in
-- whole cents (prestatie.beoordeling.huurregel); a missing rent is never under a limit. The
-- rekenhuur columns (rek_) use the rekenhuur where the file had one, else the kale/netto huur.
INSERT INTO vhe_telling
WITH rows AS (
    SELECT v.*, coalesce(v.rekenhuur_cent, v.huur_cent) AS rek_cent,
           g.jaar IS NOT NULL AS grenzen_bekend,
           g.kwaliteitskortingsgrens AS kkg, g.eerste_aftoppingsgrens AS ag1,
           g.tweede_aftoppingsgrens AS ag2, g.liberalisatiegrens AS lib
    FROM {bron} v LEFT JOIN huurgrens g ON g.jaar = year(v.peildatum)
    {filter}
)
SELECT batch_id, corporatie, gemeente, peildatum, kern, label,
       coalesce(woningtype = 'EGW', false) AS eengezins,
       coalesce(levensloopgeschikt, false) AS levensloopgeschikt,
       grenzen_bekend,
       sum(aantal) AS aantal,
       count(*) AS rijen,
       coalesce(sum(aantal) FILTER (huur_cent IS NOT NULL), 0),
       coalesce(sum(aantal) FILTER (huur_cent <= kkg), 0),
       coalesce(sum(aantal) FILTER (huur_cent < kkg), 0),
       coalesce(sum(aantal) FILTER (huur_cent <= ag1), 0),
       coalesce(sum(aantal) FILTER (huur_cent < ag1), 0),
       coalesce(sum(aantal) FILTER (huur_cent <= ag2), 0),
       coalesce(sum(aantal) FILTER (huur_cent < ag2), 0),
       coalesce(sum(aantal) FILTER (huur_cent <= lib), 0),
       coalesce(sum(aantal) FILTER (huur_cent < lib), 0),
       coalesce(sum(aantal) FILTER (rek_cent IS NOT NULL), 0),
       coalesce(sum(aantal) FILTER (rek_cent <= kkg), 0),
       coalesce(sum(aantal) FILTER (rek_cent < kkg), 0),
       coalesce(sum(aantal) FILTER (rek_cent <= ag1), 0),
       coalesce(sum(aantal) FILTER (rek_cent < ag1), 0),
       coalesce(sum(aantal) FILTER (rek_cent <= ag2), 0),
       coalesce(sum(aantal) FILTER (rek_cent < ag2), 0),
       coalesce(sum(aantal) FILTER (rek_cent <= lib), 0),
       coalesce(sum(aantal) FILTER (rek_cent < lib), 0),
       count(*) FILTER (rekenhuur_cent IS NOT NULL),
       coalesce(sum(aantal * energie_index) FILTER (energie_index IS NOT NULL), 0),
       coalesce(sum(aantal) FILTER (energie_index IS NOT NULL), 0)
FROM rows
GROUP BY ALL;
