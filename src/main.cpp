#include <new>

#include "ehcp/cli/app.hpp"

int main(int argc, char** argv) {
    // Out of memory is std::bad_alloc, reported like any other failure, whatever the
    // allocator: mimalloc (linked into this binary) aborts in `new` when no handler is
    // set, where the standard library would throw.
    std::set_new_handler([] { throw std::bad_alloc(); });
    return ehcp::run_cli(argc, argv);
}
