-- Product checkpoints keep the files a stage made and the adapter that made them, so a later job can take them whole.

ALTER TABLE product_checkpoints ADD COLUMN assets_json TEXT;
ALTER TABLE product_checkpoints ADD COLUMN adapter VARCHAR(64);
