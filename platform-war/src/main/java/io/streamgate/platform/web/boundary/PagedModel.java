package io.streamgate.platform.web.boundary;

import io.streamgate.platform.paging.control.Paging;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.LongSupplier;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

/**
 * A lazy PrimeFaces table over a control's paged query: the page's own filters live in the page
 * bean, so the table only asks for a count and a page.
 */
public class PagedModel<T> extends LazyDataModel<T> {

  private static final long serialVersionUID = 1L;

  /** Serializable function types, so that view-scoped beans holding the model can be. */
  public interface Counter extends LongSupplier, java.io.Serializable {}

  public interface Loader<T> extends Function<Paging, List<T>>, java.io.Serializable {}

  public interface Key<T> extends Function<T, String>, java.io.Serializable {}

  private final Counter counter;
  private final Loader<T> loader;
  private final Key<T> key;
  private List<T> rows = List.of();

  public PagedModel(Counter counter, Loader<T> loader, Key<T> key) {
    this.counter = counter;
    this.loader = loader;
    this.key = key;
  }

  @Override
  public int count(Map<String, FilterMeta> filterBy) {
    return (int) Math.min(Integer.MAX_VALUE, counter.getAsLong());
  }

  @Override
  public List<T> load(
      int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
    rows = loader.apply(new Paging(first / pageSize + 1, pageSize));
    return rows;
  }

  @Override
  public String getRowKey(T row) {
    return key.apply(row);
  }

  @Override
  public T getRowData(String rowKey) {
    return rows.stream().filter(row -> key.apply(row).equals(rowKey)).findFirst().orElse(null);
  }
}
