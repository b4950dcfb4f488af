package io.marketmetrics.app.topology;

import java.util.Map;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.Cache;
import org.rocksdb.LRUCache;
import org.rocksdb.Options;
import org.rocksdb.WriteBufferManager;
import org.apache.kafka.streams.state.RocksDBConfigSetter;

/**
 * Bounds the memory of all RocksDB stores of the process, however many tasks and stores it holds: one
 * block cache shared by every store, with the memtables counted against it by a write-buffer manager
 * (the recipe of Kafka Streams' memory-management guide). Without it each store takes its own cache and
 * memtables, and memory grows with the number of partitions.
 */
public final class BoundedRocksDbConfig implements RocksDBConfigSetter {

    /**
     * Block cache and memtables of all stores together. RocksDB takes about 100 MiB more than this outside its cache
     * (docs/PERFORMANCE.md, eighth session). With 256 MiB, a 1 GiB instance at 10,000 assets x 5 venues peaked at
     * 1,018 and 1,145 MiB in the bench; with 192 MiB at 943 to 964 MiB in three runs, and its throughput at the default
     * size did not change (one run).
     */
    static final long TOTAL_OFF_HEAP_BYTES = 192L * 1024 * 1024;
    /**
     * Of which memtables may take at most. A task holds a dozen stores, and each window-store segment is a RocksDB
     * instance of its own, each with a memtable per column family: about 120 instances for six tasks. Once the
     * memtables together reach the write-buffer manager's limit, every write makes its own store flush its memtable,
     * however small. With 64 MiB, a replay of sparse history (20,000 trades over 8 days) flushed 731 memtables,
     * every one for that reason and many of a few entries (RocksDB's own log), and the flushes' level-0 files then
     * slowed writes down; with 128 MiB, none until the close.
     */
    static final long TOTAL_MEMTABLE_BYTES = 128L * 1024 * 1024;
    /** Index and filter blocks go to the high-priority part of the cache, kept over data blocks. */
    private static final double INDEX_FILTER_RATIO = 0.1;

    /** Created on first use, when a store opens: by then Kafka Streams has loaded RocksDB's native library. */
    private static final class Shared {
        static final Cache CACHE = new LRUCache(TOTAL_OFF_HEAP_BYTES, -1, false, INDEX_FILTER_RATIO);
        static final WriteBufferManager WRITE_BUFFERS = new WriteBufferManager(TOTAL_MEMTABLE_BYTES, CACHE);
    }

    @Override
    public void setConfig(String storeName, Options options, Map<String, Object> configs) {
        BlockBasedTableConfig table = (BlockBasedTableConfig) options.tableFormatConfig();
        table.setBlockCache(Shared.CACHE);
        table.setCacheIndexAndFilterBlocks(true);
        table.setCacheIndexAndFilterBlocksWithHighPriority(true);
        table.setPinTopLevelIndexAndFilter(true);
        // Unpinned, a point read into a segment often read a filter block from its file again (RocksDB's
        // ReadFilterBlock in the profiles): the block had left the shared cache. With full 24h windows, whose buckets
        // are read as they leave, pinning those of level-0 files took 7 to 11 % off the stream thread's CPU per trade
        // (docs/PERFORMANCE.md, thirteenth session); at 50,000 markets the peak RSS stayed within 1 GiB.
        table.setPinL0FilterAndIndexBlocksInCache(true);
        options.setWriteBufferManager(Shared.WRITE_BUFFERS);
        // A memtable allocates in arena blocks (by default 1 MiB here): with ~80 stores and segments per
        // process, the blocks alone exceeded the shared memtable budget, so every write flushed a tiny memtable
        // and RocksDB stalled writes under the pile of level-0 files. Small blocks charge what is used.
        options.setArenaBlockSize(64 * 1024);
        options.setTableFormatConfig(table);
    }

    @Override
    public void close(String storeName, Options options) {
        // The cache and write-buffer manager are shared by every store of the process: never closed per store.
    }
}
