package org.mnistmlp.autograd;

/**
 * Work handed to the kernels' worker threads to do while they have no kernel work, from
 * {@link Kernels#startWhenIdle}. Until {@link #join()} returns, what it writes must not be read.
 */
@FunctionalInterface
public interface IdleWork {

    /**
     * Runs on the calling thread whatever part of the work no worker has started, waits for the parts
     * under way, and returns when all of it is done. An exception thrown by the work is rethrown here.
     */
    void join();
}
