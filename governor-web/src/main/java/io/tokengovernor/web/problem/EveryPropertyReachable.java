package io.tokengovernor.web.problem;

import jakarta.validation.Path;
import jakarta.validation.TraversableResolver;
import java.lang.annotation.ElementType;

/**
 * Request bodies are plain objects, never JPA entities, so Bean Validation need not ask JPA whether
 * each property is loaded; the default resolver did so for every property of every cascaded usage
 * event and cost a third of the ingestion path's CPU (see docs/BENCHMARKS.md).
 */
public class EveryPropertyReachable implements TraversableResolver {

    @Override
    public boolean isReachable(Object bean, Path.Node property, Class<?> rootBeanType, Path pathToProperty,
            ElementType elementType) {
        return true;
    }

    @Override
    public boolean isCascadable(Object bean, Path.Node property, Class<?> rootBeanType, Path pathToProperty,
            ElementType elementType) {
        return true;
    }
}
