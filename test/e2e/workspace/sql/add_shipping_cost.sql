ALTER TABLE orders ADD COLUMN shipping_cost integer;
ALTER TABLE orders ADD CONSTRAINT orders_shipping_cost_check CHECK (shipping_cost >= 0) NOT VALID;
DROP INDEX "public"."IDX_orders_legacy";
CREATE TABLE shipping_zones (id serial PRIMARY KEY, name text NOT NULL);
