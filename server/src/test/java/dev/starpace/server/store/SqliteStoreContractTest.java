package dev.starpace.server.store;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The store's contract on personal mode's SQLite file. */
class SqliteStoreContractTest extends AttemptStoreContract {
    @TempDir
    Path dir;

    @Override
    AttemptStore open() {
        return AttemptStore.open(dir.resolve("data"));
    }
}
