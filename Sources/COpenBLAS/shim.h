// OpenBLAS's CBLAS interface, as installed by Debian's libopenblas-dev (pkg-config openblas).
#include <cblas.h>
