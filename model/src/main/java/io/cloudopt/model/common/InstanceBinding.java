package io.cloudopt.model.common;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Binds an instance document that passed its schema to the problem's record: the envelope fields
 * are dropped, the problem's defaults filled in, then the problem's semantic rules run, all errors
 * at once.
 */
public final class InstanceBinding {
    private InstanceBinding() {
    }

    public static <I> I bind(ObjectNode document, String file, Class<I> type, Consumer<ObjectNode> defaults,
                             Function<I, List<InputError>> rules) {
        ObjectNode body = document.deepCopy();
        body.remove("format");
        body.remove("problem");
        defaults.accept(body);
        I instance;
        try {
            instance = Json.MAPPER.treeToValue(body, type);
        } catch (JsonProcessingException e) {
            throw new InputException("Instance", file, new InputError("$", e.getOriginalMessage()));
        }
        List<InputError> errors = rules.apply(instance);
        if (!errors.isEmpty()) {
            throw new InputException("Instance", file, errors);
        }
        return instance;
    }
}
