-- The orphan sweep (document.OrphanSweep) reads, per day, the keys rows point at: a range scan of each index
-- ("2026-12-05/" <= storage_key < "2026-12-050") instead of a scan of the whole table.
create index ix_document_storage_key on document (storage_key);
create index ix_warehouse_storage_key on warehouse_item (storage_key);
