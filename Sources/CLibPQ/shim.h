// libpq's public API, as installed by Debian's libpq-dev (pkg-config libpq).
#include <libpq-fe.h>
