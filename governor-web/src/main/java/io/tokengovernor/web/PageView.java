package io.tokengovernor.web;

import io.tokengovernor.registry.boundary.Page;
import java.util.List;
import java.util.function.Function;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One page of a listing. */
public class PageView<T> {

    public List<T> items;
    @Schema(description = "Zero-based page number", example = "0")
    public int page;
    @Schema(description = "Page size", example = "50")
    public int size;
    @Schema(description = "Number of matching items over all pages", example = "1")
    public long total;

    public static <E, T> PageView<T> of(Page<E> page, Function<E, T> view) {
        PageView<T> result = new PageView<>();
        result.items = page.items().stream().map(view).toList();
        result.page = page.page();
        result.size = page.size();
        result.total = page.total();
        return result;
    }

    public static <T> PageView<T> of(List<T> items, int page, int size, long total) {
        PageView<T> result = new PageView<>();
        result.items = items;
        result.page = page;
        result.size = size;
        result.total = total;
        return result;
    }
}
