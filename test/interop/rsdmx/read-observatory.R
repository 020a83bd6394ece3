# Reads the observatory with rsdmx as a researcher would: a provider for its SDMX 2.1 REST API,
# then readSDMX for the dataflows, the DSD with its codelists (references=children), and data with
# a key filter and a period range. Prints each result as CSV after a "## name" line.
args <- commandArgs(trailingOnly = TRUE)
api <- paste0(args[1], "/sdmx/2.1")
suppressPackageStartupMessages(library(rsdmx))

builder <- SDMXREST21RequestBuilder(regUrl = api, repoUrl = api, compliant = TRUE)
addSDMXServiceProvider(SDMXServiceProvider(agencyId = "CPO", name = "Crime Prevention Observatory", builder = builder))

section <- function(name, frame) {
  cat("## ", name, "\n", sep = "")
  write.csv(frame, stdout(), row.names = FALSE)
}

flows <- as.data.frame(readSDMX(providerId = "CPO", resource = "dataflow", verbose = FALSE))
section("dataflows", flows[, c("id", "agencyID", "version")])

dsd <- readSDMX(providerId = "CPO", resource = "datastructure", resourceId = "DSD_CRIME", verbose = FALSE)
section("geo codes", as.data.frame(slot(dsd, "codelists"), codelistId = "CL_GEO"))
dimensions <- slot(slot(slot(dsd, "datastructures"), "datastructures")[[1]], "Components")
section("dimensions", data.frame(id = sapply(slot(dimensions, "Dimensions"), slot, "conceptRef")))

data <- readSDMX(providerId = "CPO", resource = "data", flowRef = "CPO,CRIME,1.0",
                 key = list("A", "ICCS0101", c("AT", "DE")), start = 2015, end = 2018, verbose = FALSE)
section("data", as.data.frame(data))
