package dev.starpace.server.store;

/** The store's contract on team mode's PostgreSQL: a real server (PostgresCluster), a new database for each test. */
class PostgresStoreContractTest extends AttemptStoreContract {
    @Override
    AttemptStore open() throws Exception {
        return PostgresAttemptStore.open(PostgresCluster.shared().newDatabase());
    }
}
