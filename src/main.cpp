#include "ehcp/cli/app.hpp"
int main(int argc, char** argv) { return ehcp::run_cli(argc, argv); }
