#include "ehcp/load/record.hpp"

namespace ehcp {

bool is_early_years_area(AttainmentArea a) {
    switch (a) {
        case AttainmentArea::communication_and_language:
        case AttainmentArea::personal_social_emotional:
        case AttainmentArea::physical:
        case AttainmentArea::literacy:
        case AttainmentArea::mathematics:
        case AttainmentArea::understanding_the_world:
        case AttainmentArea::expressive_arts_and_design:
            return true;
        default:
            return false;
    }
}

}  // namespace ehcp
