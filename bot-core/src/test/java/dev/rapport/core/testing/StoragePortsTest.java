package dev.rapport.core.testing;

/** The storage contract on the store of the module that runs it, as Rapport runs that store. */
@StorageSuite
class StoragePortsTest extends StorageContract {}
