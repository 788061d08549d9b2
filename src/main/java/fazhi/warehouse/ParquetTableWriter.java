package fazhi.warehouse;

import com.jerolba.carpet.CarpetWriter;
import com.jerolba.carpet.ColumnNamingStrategy;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalOutputFile;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Streams records of one type into one Parquet file (ZSTD, snake_case column names from the record
 * components). Rows are written as they come: memory does not grow with the file.
 */
public final class ParquetTableWriter<R extends Record> implements Closeable {
    static final long ROW_GROUP_BYTES = 8L * 1024 * 1024;

    private final CarpetWriter<R> writer;
    private long rows;

    public ParquetTableWriter(Path file, Class<R> type) {
        try {
            Files.createDirectories(file.getParent());
            // a new file, never a rewrite in place: the old one may be a hard link into a published version
            Files.deleteIfExists(file);
            this.writer = new CarpetWriter.Builder<>(new LocalOutputFile(file), type)
                    .withColumnNamingStrategy(ColumnNamingStrategy.SNAKE_CASE)
                    .withCompressionCodec(CompressionCodecName.ZSTD)
                    .withWriteMode(ParquetFileWriter.Mode.OVERWRITE)
                    // a row group is buffered in memory until it is flushed: keep it small, so that one
                    // writer of a country's table of figures holds megabytes, not Parquet's default 128 MB
                    .withRowGroupSize(ROW_GROUP_BYTES)
                    .build();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open " + file + " for writing", e);
        }
    }

    /** Writes all rows to a new file and closes it. */
    public static <R extends Record> long writeAll(Path file, Class<R> type, Iterable<R> rows) {
        try (ParquetTableWriter<R> w = new ParquetTableWriter<>(file, type)) {
            for (R r : rows) {
                w.write(r);
            }
            return w.rows();
        }
    }

    public void write(R row) {
        try {
            writer.write(row);
            rows++;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public long rows() {
        return rows;
    }

    @Override
    public void close() {
        try {
            writer.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
