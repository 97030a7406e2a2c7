-- The queries `snapshot create` runs (Sources/Snapshot/CatalogueReader.swift), for bench/run's floor: the same
-- work done bare through psql, output discarded. Keep in step with the reader.
SET TIME ZONE 'UTC';
BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY;
SELECT product_id::text, name, description, product_type, tag, status, created_at::text, end_date::text FROM products;
SELECT fixed_input_id::text, name, value, created_at::text, product_id::text FROM fixed_inputs;
SELECT product_block_id::text, name, description, tag, status, created_at::text, end_date::text FROM product_blocks;
SELECT resource_type_id::text, resource_type, description FROM resource_types;
SELECT product_id::text, product_block_id::text FROM product_product_blocks;
SELECT in_use_by_id::text, depends_on_id::text, min, max FROM product_block_relations;
SELECT product_block_id::text, resource_type_id::text FROM product_block_resource_types;
SELECT workflow_id::text, name, target, description, created_at::text, deleted_at::text, is_task FROM workflows;
SELECT product_id::text, workflow_id::text FROM products_workflows;
SELECT product_id::text, status, count(*) FROM subscriptions GROUP BY product_id, status;
SELECT product_block_id::text, count(*) FROM subscription_instances GROUP BY product_block_id;
SELECT si.product_block_id::text, v.resource_type_id::text, count(*) FROM subscription_instance_values v JOIN subscription_instances si ON si.subscription_instance_id = v.subscription_instance_id GROUP BY si.product_block_id, v.resource_type_id;
SELECT workflow_id::text, count(*) FROM processes GROUP BY workflow_id;
SELECT version_num FROM alembic_version;
SELECT id, next_run_time::text, encode(job_state, 'hex') FROM apscheduler_jobs ORDER BY id;
SELECT workflow_id::text, schedule_id FROM workflows_apscheduler_jobs ORDER BY schedule_id, workflow_id;
COMMIT;
