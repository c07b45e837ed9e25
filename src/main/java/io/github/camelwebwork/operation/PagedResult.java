package io.github.camelwebwork.operation;

import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import io.github.camelwebwork.client.ApiRequest;
import io.github.camelwebwork.client.ApiResponse;
import io.github.camelwebwork.client.WebworkClient;
import io.github.camelwebwork.model.Pagination;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every record of a paged list, fetched page by page as the iteration reaches it, so that a streaming split holds
 * about one page in memory. The first page was fetched when the operation ran (so errors and totals are known at once);
 * each new iteration reads pages 2 and later again. A failure on a later page is thrown by the iterator.
 */
public final class PagedResult<T> implements Iterable<T> {

    private static final Logger LOG = LoggerFactory.getLogger(PagedResult.class);

    private final WebworkClient client;
    private final ApiRequest request;
    private final ResultReader reader;
    private final OperationDef op;
    private final Reading reading;
    private final List<T> firstPage;
    private final Pagination pagination;
    private final int perPage;
    private final int maxResults;

    PagedResult(WebworkClient client, ApiRequest request, ResultReader reader, OperationDef op, Reading reading,
                ApiResponse first, int perPage, int maxResults) {
        this.client = client;
        this.request = request;
        this.reader = reader;
        this.op = op;
        this.reading = reading;
        this.firstPage = page(first);
        this.pagination = reader.pagination(first);
        this.perPage = perPage;
        this.maxResults = maxResults;
    }

    /** A page's records: models, or under {@code outputType=map}/{@code json} each record as sent. */
    @SuppressWarnings("unchecked")
    private List<T> page(ApiResponse response) {
        return (List<T>) reader.records(response, op, reading);
    }

    /** The pagination figures of the first page; null when the API sent none. */
    public Pagination getPagination() {
        return pagination;
    }

    /** All records in a stream, fetched lazily. */
    public Stream<T> stream() {
        return StreamSupport.stream(spliterator(), false);
    }

    /** Every record in a list: fetches all pages now. */
    public List<T> toList() {
        return stream().toList();
    }

    @Override
    public Iterator<T> iterator() {
        return new PageIterator();
    }

    @Override
    public String toString() {
        return "PagedResult[" + request.method() + " " + request.path() + ", " + pagination + "]";
    }

    private final class PageIterator implements Iterator<T> {
        private final long started = System.nanoTime();
        private List<T> page = firstPage;
        private int pageNumber = 1;
        private int index;
        private int emitted;
        private long fetched = firstPage.size();

        @Override
        public boolean hasNext() {
            if (maxResults > 0 && emitted >= maxResults) {
                return false;
            }
            while (index >= page.size()) {
                if (!morePages()) {
                    return false;
                }
                fetch(pageNumber + 1);
            }
            return true;
        }

        @Override
        public T next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            emitted++;
            return page.get(index++);
        }

        private boolean morePages() {
            if (page.isEmpty()) {
                return false;
            }
            Integer lastPage = pagination == null ? null : pagination.getLastPage();
            // without pagination figures (some list answers omit them, §4) a full page means there may be more
            return lastPage != null ? pageNumber < lastPage : page.size() >= perPage;
        }

        private void fetch(int number) {
            ApiResponse response = client.execute(request.withQueryParam("page", String.valueOf(number)));
            page = page(response);
            pageNumber = number;
            index = 0;
            fetched += page.size();
            logProgress();
        }

        /** Long exports say where they are: pages, records, and the time left at the rate so far. */
        private void logProgress() {
            Integer lastPage = pagination == null ? null : pagination.getLastPage();
            Integer total = pagination == null ? null : pagination.getTotal();
            String left = "";
            if (lastPage != null && lastPage > pageNumber) {
                double secondsPerPage = (System.nanoTime() - started) / 1e9 / (pageNumber - 1);
                left = String.format(", about %.0f s left at %.1f pages/s", secondsPerPage * (lastPage - pageNumber),
                        secondsPerPage == 0 ? 0.0 : 1 / secondsPerPage);
            }
            LOG.info("{} {}: page {} of {}, {} of {} records{}", request.method(), request.path(), pageNumber,
                    lastPage == null ? "?" : lastPage, fetched, total == null ? "?" : total, left);
        }
    }
}
