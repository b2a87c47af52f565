package io.tokengovernor.faces.layout;

import jakarta.faces.component.UIComponent;
import jakarta.faces.context.FacesContext;
import org.primefaces.component.datatable.DataTable;

/**
 * Filters above a table live outside it, so the table does not know they changed: after a change it
 * must show its first page, or it could stay on a page beyond the new, shorter result.
 */
public final class TablePaging {

    private TablePaging() {
    }

    /** Moves the table with this absolute id (e.g. {@code :projectsForm:projects}) back to its first page. */
    public static void rewind(String tableId) {
        UIComponent table = FacesContext.getCurrentInstance().getViewRoot().findComponent(tableId);
        if (table instanceof DataTable dataTable) {
            dataTable.setFirst(0);
        }
    }
}
