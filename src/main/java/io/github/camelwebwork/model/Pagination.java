package io.github.camelwebwork.model;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/** {@code meta.pagination} of a list answer (reference §4); every figure may be absent. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public class Pagination extends WebworkModel {

    private Integer total;
    private Integer perPage;
    private Integer currentPage;
    private Integer lastPage;
    private Integer from;
    private Integer to;

    public Integer getTotal() {
        return total;
    }

    public void setTotal(Integer total) {
        this.total = total;
    }

    public Integer getPerPage() {
        return perPage;
    }

    public void setPerPage(Integer perPage) {
        this.perPage = perPage;
    }

    public Integer getCurrentPage() {
        return currentPage;
    }

    public void setCurrentPage(Integer currentPage) {
        this.currentPage = currentPage;
    }

    public Integer getLastPage() {
        return lastPage;
    }

    public void setLastPage(Integer lastPage) {
        this.lastPage = lastPage;
    }

    public Integer getFrom() {
        return from;
    }

    public void setFrom(Integer from) {
        this.from = from;
    }

    public Integer getTo() {
        return to;
    }

    public void setTo(Integer to) {
        this.to = to;
    }

    @Override
    public String toString() {
        return "Pagination[total=" + total + ", perPage=" + perPage + ", currentPage=" + currentPage + ", lastPage="
               + lastPage + "]";
    }
}
