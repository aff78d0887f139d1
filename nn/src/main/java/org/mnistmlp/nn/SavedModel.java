package org.mnistmlp.nn;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a model file or a safetensors file describes: the network, rebuilt with its parameters, and the
 * metadata saved with it.
 *
 * @param architecture the network's architecture
 * @param metadata the free-form strings saved with it (unmodifiable)
 * @param model the network, its parameters those of the file
 */
public record SavedModel(MlpSpec architecture, Map<String, String> metadata, Sequential model) {
    /** Keeps an unmodifiable copy of {@code metadata}, in its order. */
    public SavedModel {
        metadata = Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
    }
}
