package org.mnistmlp.datasets;

import ai.djl.repository.RemoteRepository;
import java.net.URI;

/**
 * A mirror of DJL's dataset repository: the same layout as {@code https://mlrepo.djl.ai/}
 * ({@code dataset/cv/<group path>/<artifact>/metadata.json}) at another base URL. In DJL 0.38,
 * {@code Repository.newInstance} turns a plain {@code http(s)} URL into an RPC repository with a
 * different protocol, so the remote-repository layout is reached through this subclass.
 */
final class MirrorRepository extends RemoteRepository {

    /**
     * @param baseUri the mirror's base URL, ending in a slash
     */
    MirrorRepository(URI baseUri) {
        super("mirror", baseUri);
    }
}
